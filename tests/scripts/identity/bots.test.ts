// DESIGN §2 "Bots": `[bot]` names and logins, the curated list, and word patterns
// that never catch surnames. The identities are copied from the tracked histories.
import { describe, expect, it } from 'vitest';
import { githubNoreply, isBot, isTeam } from '../../../scripts/identity/bots.ts';

describe('isBot: the [bot] marker', () => {
  it('flags names and GitHub logins ending in [bot]', () => {
    expect(isBot('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com')).toBe(true);
    expect(isBot('pre-commit-ci[bot]', '66853113+pre-commit-ci[bot]@users.noreply.github.com')).toBe(true);
    expect(isBot('github-actions[bot]', 'github-actions[bot]@users.noreply.github.com')).toBe(true);
    // Only the address says it: a display name without the marker.
    expect(isBot('GitHub Actions', '41898282+github-actions[bot]@users.noreply.github.com')).toBe(true);
    expect(isBot('Someone', '266445882+halide-ci[bot]@users.noreply.github.com')).toBe(true);
    // "Aaron Pham [bot]" marks a person's automated commits.
    expect(isBot('Aaron Pham [bot]', '29749331+aarnphm@users.noreply.github.com')).toBe(true);
  });

  it('does not flag the same person without the marker', () => {
    expect(isBot('Aaron Pham', '29749331+aarnphm@users.noreply.github.com')).toBe(false);
  });
});

describe('isBot: curated accounts', () => {
  it.each([
    ['pytorchbot', 'soumith+bot@pytorch.org'],
    ['PyTorch MergeBot', 'pytorchmergebot@users.noreply.github.com'],
    ['Facebook GitHub Bot', 'facebook-github-bot@users.noreply.github.com'],
    ['TensorFlower Gardener', 'gardener@tensorflow.org'],
    ['igcbot', 'sys_igcbot@intel.com'],
    ['ocldev', 'ocldev@intel.com'],
    ['Jenkins', 'jenkins-compute@amd.com'],
    ['Kubernetes Prow Robot', 'k8s-ci-robot@users.noreply.github.com'],
    ['Volcano Bot', '49986348+volcano-sh-bot@users.noreply.github.com'],
    ['goreleaserbot', 'goreleaser@carlosbecker.com'],
    ['GitHub', 'noreply@github.com'],
    ['mergify', 'mergify@example.org'],
  ])('%s <%s>', (name, email) => {
    expect(isBot(name, email)).toBe(true);
  });

  it('matches GitHub ids whatever the login is called now', () => {
    expect(isBot('renamed', '49699333+renamed@users.noreply.github.com')).toBe(true);
  });

});

// Rule changed: these were bots until the team class existed; their commits are
// human work that no person can be credited for.
describe('isTeam: team and export accounts are not bots', () => {
  it.each([
    // Exact accounts, even where the address is a bot's or says "bot"/"robot".
    ['A. Unique TensorFlower', 'gardener@tensorflow.org'],
    ['A. Unique TensorFlower', 'nobody@tensorflow.org'],
    ['Haiku Contributor', 'noreply@google.com'],
    ['Googler', 'nobody@google.com'],
    ['Google AI Edge', 'ai-edge-bot@google.com'],
    ['Google Team Member', 'genai-sdk-bot@google.com'],
    ['QKeras robot', 'qkeras-robot@google.com'],
    ['Highway', 'no-reply@google.com'],
    ['allegroai', ''],
    ['Copybara-Service', 'copybara-worker@google.com'],
    ['copybara-service[bot]', '56741989+copybara-service[bot]@users.noreply.github.com'],
    ['foreman', 'dl.swbuild@amd.com'],
    ['foreman', 'dl.constructicon@amd.com'],
    // Group names.
    ['jax authors', 'google-ml-automation@google.com'],
    ['MediaPipe Team', 'mediapipe-team@google.com'],
    ['Flax Authors', 'no-reply@google.com'],
    ['The praxis Authors', 'no-reply@google.com'],
    ['XNNPACK Team', 'xnnpack-github-robot@google.com'],
    ['TFRT team', 'tfrt-copybara-bot@google.com'],
    ['Profiler Team', 'copybara-servicebot@google.com'],
    ['tfx-team', 'tensorflow-extended-nonhuman@googlegroups.com'],
    ['polyaxon-team', 'contact@polyaxon.com'],
    ['Ruy Contributors', 'ruy-eng@google.com'],
    ['Tunix Developers', 'tunix-dev@google.com'],
    ['Google Cloud Pipeline Components maintainers', 'nobody@google.com'],
  ])('%s <%s>', (name, email) => {
    expect(isTeam(name, email)).toBe(true);
    expect(isBot(name, email)).toBe(false);
  });

  it('leaves real automation, people and single-word team-like names alone', () => {
    for (const [name, email] of [
      ['TensorFlower Gardener', 'gardener@tensorflow.org'],
      ['polyaxon-ci', 'ci@polyaxon.com'],
      ['ocldev', 'ocldev@intel.com'],
      ['sys_igc', 'IGC@intel.com'],
      ['GitHub', 'noreply@github.com'],
      ['iree-copybara-bot', 'iree-copybara-bot@google.com'],
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
    ]) {
      expect(isTeam(name!, email!), name).toBe(false);
      expect(isBot(name!, email!), name).toBe(true);
    }
    for (const [name, email] of [
      ['OpenStellarTeam', 'yansydney9@gmail.com'],
      ['xiaying', 'MNNTeam@service.taobao.com'],
      ['Yan/Redhat AI Team', 'yan@redhat.com'],
      ['Tianqi Chen', 'tqchen@users.noreply.github.com'],
    ]) {
      expect(isTeam(name!, email!), name).toBe(false);
      expect(isBot(name!, email!), name).toBe(false);
    }
  });
});

describe('isBot: word patterns', () => {
  it.each([
    ['Mcore Bot', 'mcore-bot@nvidia.com'],
    ['Pyre Bot Jr', ''],
    ['Snyk bot', 'github+bot@snyk.io'],
    ['Determined CI', 'automation@determined.ai'],
    ['ROCm CI Service Account', '66695075+rocm-ci@users.noreply.github.com'],
    ['polyaxon-ci', 'ci@polyaxon.com'],
    ['svcnvidia-nemo-ci', 'svcnvidia-nemo-ci@nvidia.com'],
    ['MNNSyncBot', 'hi@zhaode.wang'],
    ['CodemodService FBSourceBlackLinterBot', ''],
    ['Submodule Update Action', 'iree-github-actions-bot@google.com'],
    ['sys_igc', 'IGC@intel.com'],
    ['PROJECT_ACCESS_TOKEN_MCORE', 'project_19378_bot_6bc0dd06d9@noreply.gitlab-master.nvidia.com'],
    ['Some Name', 'haystackbot@users.noreply.github.com'],
  ])('%s <%s>', (name, email) => {
    expect(isBot(name, email)).toBe(true);
  });
});

describe('isBot: people who only look like bots', () => {
  it.each([
    // Surnames and words that contain "bot".
    ['Mike Abbott', 'furrysalamander@gmail.com'],
    ['James Abbott', 'james.abbott@kroll.com'],
    ['Lisa Talbot', 'ltalbot@example.org'],
    ['Léon Bottou', 'leon@bottou.org'],
    ['Christopher Sidebottom', 'chris.sidebottom@arm.com'],
    ['Alexander Botev', 'botevmg@gmail.com'],
    ['Botao Chen', 'markchen1015@meta.com'],
    ['Dimitri Barbot', 'dimitribarbot@gmail.com'],
    ['Josh Bottum', 'joshbottum@gmail.com'],
    ['Jeremy Reizenstein', '669761+bottler@users.noreply.github.com'],
    ['Steven Toribio', '34755817+turbotoribio@users.noreply.github.com'],
    ['botbw', 'wang1570@e.ntu.edu.sg'],
    // "robot" inside a dotted address or a login.
    ['Christian Balcom', 'robot.inventor@gmail.com'],
    ['Zheng Qu', 'quzhengrobot@gmail.com'],
    ['robotcator', 'problemset@163.com'],
    ['RobotGF', '1083760447@qq.com'],
    // Logins ending in "bot" that belong to people (allow-list).
    ['jenfoxbot', 'jen.fox@microsoft.com'],
    ['Dan Herrera', 'whoahbot@bytewax.io'],
    // Host names and words that are not markers.
    ['dumerrill', 'dumerrill@moochbot'],
    ['Shelby Jenkins', '47464908+shelbyjenkins@users.noreply.github.com'],
    ['İbrahim Çetin', 'cetinibrahim.ci@gmail.com'],
    ['Suraj Deshmukh', 'surajd.service@gmail.com'],
    ['Billy Builder', 'billy.builder@example.com'],
    ['OpenStellarTeam', 'yansydney9@gmail.com'],
    ['Ubuntu', 'ubuntu@ip-172-31-41-161.ec2.internal'],
    ['', ''],
  ])('%s <%s>', (name, email) => {
    expect(isBot(name, email)).toBe(false);
  });

  it('keeps ordinary contributors human', () => {
    expect(isBot('Tianqi Chen', 'tqchen@users.noreply.github.com')).toBe(false);
    expect(isBot('Georgi Gerganov', 'ggerganov@gmail.com')).toBe(false);
    expect(isBot('xiaying', 'MNNTeam@service.taobao.com')).toBe(false);
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(isBot('  DEPENDABOT[BOT] ', ' 49699333+Dependabot[bot]@users.noreply.github.com ')).toBe(true);
    expect(isBot('MIKE ABBOTT', 'FURRYSALAMANDER@GMAIL.COM')).toBe(false);
  });
});

describe('githubNoreply', () => {
  it('reads the id and login of both noreply forms', () => {
    expect(githubNoreply('49699333+dependabot[bot]@users.noreply.github.com')).toEqual({
      id: '49699333',
      login: 'dependabot[bot]',
    });
    expect(githubNoreply('tqchen@users.noreply.github.com')).toEqual({ id: null, login: 'tqchen' });
    expect(githubNoreply('tqchen@gmail.com')).toEqual({ id: null, login: null });
  });
});
