// DESIGN §2 "AI agents": coding agents as authors or Co-authored-by, taken from the
// trailers of the tracked histories; first names shared with people stay human.
import { describe, expect, it } from 'vitest';
import { isAgent } from '../../../scripts/identity/agents.ts';
import { isBot } from '../../../scripts/identity/bots.ts';

describe('isAgent', () => {
  it.each([
    // Claude, under every model name the trailers use.
    ['Claude', 'noreply@anthropic.com'],
    ['Claude Opus 4.6 (1M context)', 'noreply@anthropic.com'],
    ['Claude Sonnet 4.5', 'noreply@anthropic.com'],
    ['Claude Code', 'claude@anthropic.com'],
    ['Claude (Claude-Opus-4.5)', 'noreply@anthropic.com'],
    ['Claude Opus 4.7', 'noreply@owtffssent.com'],
    ['Claude Code (AI assistant)', ''],
    ['claude[bot]', '209825114+claude[bot]@users.noreply.github.com'],
    // The Claude GitHub Action commits under the github-actions app id.
    ['claude[bot]', '41898282+claude[bot]@users.noreply.github.com'],
    // GitHub Copilot.
    ['Copilot', '175728472+Copilot@users.noreply.github.com'],
    ['copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'],
    ['Copilot Autofix powered by AI', '62310815+github-advanced-security[bot]@users.noreply.github.com'],
    ['GitHub Copilot', 'noreply@github.com'],
    ['Copilot', 'copilot@github.com'],
    // Others seen in the histories.
    ['Cursor Agent', 'cursoragent@cursor.com'],
    ['Devin AI', '158243242+devin-ai-integration[bot]@users.noreply.github.com'],
    ['devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com'],
    ['OpenAI Codex', 'codex@openai.com'],
    ['Codex', 'noreply@openai.com'],
    ['gemini-code-assist[bot]', '176961590+gemini-code-assist[bot]@users.noreply.github.com'],
    ['Gemini 3 Pro', 'gemini@aistudio.google.com'],
    ['google-labs-jules[bot]', '161369871+google-labs-jules[bot]@users.noreply.github.com'],
    ['Rip&Tear (aider)', '84775494+theCyberTech@users.noreply.github.com'],
    ['aider (gpt-4o)', 'noreply@aider.chat'],
    ['coderabbitai[bot]', '136622811+coderabbitai[bot]@users.noreply.github.com'],
    ['CodeRabbit', 'noreply@coderabbit.ai'],
    ['sweep-ai[bot]', '128439645+sweep-ai[bot]@users.noreply.github.com'],
    ['greptile-apps[bot]', '165735046+greptile-apps[bot]@users.noreply.github.com'],
    ['openhands', 'openhands@all-hands.dev'],
    ['DevmateXplatTypoFixes Bot', 'noreply+1899117597419293@fb.com'],
  ])('%s <%s>', (name, email) => {
    expect(isAgent(name, email)).toBe(true);
  });

  it.each([
    // People who share a first name or an employer with an agent.
    ['Claude Li', '42063314+CityBoy-Claude@users.noreply.github.com'],
    ['Claudette Smith', 'claudette@example.org'],
    ['MilkClouds', 'claude@maum.ai'],
    ['Devin Lai', '161107414+devin-lai@users.noreply.github.com'],
    ['Devin Conathan', 'devin.conathan@libertymutual.com'],
    ['Jules', '16029431+jules-ai@users.noreply.github.com'],
    ['Jules Damji', 'jules@tecton.ai'],
    ['Skye Wanderman-Milne', 'skye@anthropic.com'],
    ['Philippe Tillet', 'phil@openai.com'],
    ['Jason Chiu', 'jason.chiu@codeium.com'],
    ['Cody Yu', 'comaniac0422@gmail.com'],
    // Automation that is not an AI agent.
    ['Release agent', 'release-agent@graphcore.ai'],
    ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
    ['GitHub', 'noreply@github.com'],
    ['', ''],
  ])('%s <%s> is not an agent', (name, email) => {
    expect(isAgent(name, email)).toBe(false);
  });

  it('wins over isBot for agents that are also [bot] apps (callers check it first)', () => {
    const name = 'copilot-swe-agent[bot]';
    const email = '198982749+Copilot@users.noreply.github.com';
    expect(isAgent(name, email)).toBe(true);
    expect(isBot(name, email)).toBe(true);
  });

  it('is case-insensitive', () => {
    expect(isAgent('CLAUDE OPUS 4.6', 'NOREPLY@ANTHROPIC.COM')).toBe(true);
    expect(isAgent('claude opus 4.6', 'someone@example.org')).toBe(true);
  });
});
