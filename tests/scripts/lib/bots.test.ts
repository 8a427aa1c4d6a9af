// DESIGN §2 "Bots": `[bot]` names and logins, the curated list, and word patterns
// that never catch surnames. The identities are copied from the tracked histories.
import { describe, expect, it } from 'vitest';
import { githubNoreply, isBot } from '../../../scripts/lib/bots.ts';

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
    ['Copybara-Service', 'copybara-worker@google.com'],
    ['igcbot', 'sys_igcbot@intel.com'],
    ['ocldev', 'ocldev@intel.com'],
    ['foreman', 'dl.swbuild@amd.com'],
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

  it('treats group export accounts as automation: no person can be credited', () => {
    expect(isBot('jax authors', 'google-ml-automation@google.com')).toBe(true);
    expect(isBot('MediaPipe Team', 'mediapipe-team@google.com')).toBe(true);
    expect(isBot('Flax Authors', 'no-reply@google.com')).toBe(true);
    expect(isBot('A. Unique TensorFlower', 'gardener@tensorflow.org')).toBe(true);
    expect(isBot('allegroai', '')).toBe(true);
    expect(isBot('Google Cloud Pipeline Components maintainers', 'nobody@google.com')).toBe(true);
  });
});

describe('isBot: word patterns', () => {
  it.each([
    ['Google AI Edge', 'ai-edge-bot@google.com'],
    ['XNNPACK Team', 'xnnpack-github-robot@google.com'],
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
