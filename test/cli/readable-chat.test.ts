import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** The shipped knowledge (the readable chat is checked on the real guides and the real consultant form). */
const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'readable-chat-'));
const env = { KNOWLEDGE_DIR: KNOWLEDGE, SQLITE_PATH: join(dir, 'state.db'), DATABASE_URL: '', ANALYTICS_SECRET: '' };

/** Runs the readable `chat` for conversation `id` with these typed lines, and returns what it printed. */
async function readableChat(id: string, lines: string[], lang: 'da' | 'en' = 'da'): Promise<string> {
  const result = await runCli(['chat', '--conversation', id, '--lang', lang], `${lines.join('\n')}\n`, env);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('the readable terminal chat', () => {
  it("asks a form's fields in the user's language", async () => {
    const english = await readableChat('readable-form-en', ['talk to a human', 'Shitstorm', 'Angry comments', '3', 'Aarhus', 'Mette', 'mette@aarhus.dk'], 'en');
    expect(english).toContain('(Type "stop" to cancel. Press Enter to keep a prefilled value.)');
    expect(english).toContain('removed)\n  (y/n)');
    expect(english).not.toContain('Skriv "stop"');
    const danish = await readableChat('readable-form-da', ['tal med en konsulent', 'Shitstorm', 'Vrede kommentarer', '3', 'Aarhus', 'Mette', 'mette@aarhus.dk']);
    expect(danish).toContain('(Skriv "stop" for at afbryde. Tryk Enter for at beholde en forudfyldt værdi.)');
    expect(danish).toContain('fjernes)\n  (j/n)');
  });

  it("takes only a listed number or an option's label (or its key word, 'akut') in a choice field, and asks again naming the choices", async () => {
    const shown = await readableChat('readable-select', [
      'tal med en konsulent', 'Shitstorm', 'Vrede kommentarer',
      'hov vent, skal jeg ogsaa anmelde til datatilsynet?', '7', 'akut',
      'Aarhus', 'Mette', 'mette@aarhus.dk', 'j',
    ]);
    const again = 'Det er ikke et af svarene. Skriv et tal fra 1 til 3 eller et af svarene: Akut – krise i gang, Inden for et par dage, Ingen hast.';
    expect(shown.split(again)).toHaveLength(3);
    expect(shown.split('> Hvor haster det? *')).toHaveLength(4);
    expect(shown).toMatch(/sag KL-\d{4}-0001/);
    const listed = await runCli(['cases', 'list', '--json'], '', env);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ municipality: 'Aarhus', urgency: 'urgent' })]);
  });

  it('answers a typed number with no button behind it itself, in the user\'s language, without asking the bot', async () => {
    const danish = await readableChat('readable-number-da', ['9', 'tak for hjælpen', '3']);
    expect(danish).toContain('Der er ingen knap 9. Skriv et tal fra 1 til 5, eller skriv dit spørgsmål.');
    expect(danish).toContain('Der er ingen knapper at trykke på lige nu. Skriv dit spørgsmål.');
    expect(danish).not.toContain('Det har jeg desværre ikke et godt svar på');
    const english = await readableChat('readable-number-en', ['9', 'thanks', '3'], 'en');
    expect(english).toContain('There is no button 9. Type a number from 1 to 5, or type your question.');
    expect(english).toContain('There are no buttons to press right now. Type your question.');
  });

  it('opens a conversation in the middle of a guide at that guide\'s step, so a typed number answers it; others get the menu', async () => {
    // a guide started over chat --json, answered once, then left waiting while a question was answered
    const json = await runCli(['chat', '--json', '--conversation', 'readable-reopen'], '{"flow":"crisis"}\n3\nmå vi slette kommentarer\n', env);
    expect(json.code, json.stderr).toBe(0);
    const reopened = await readableChat('readable-reopen', ['2']);
    expect(reopened).not.toContain('Hvad kan jeg hjælpe med?');
    const [opening, afterTwo] = reopened.split('\n> ');
    expect(opening).toContain('Hvor stor er sagen lige nu?');
    expect(opening).toContain('[2] Voksende');
    expect(afterTwo).toContain('Er der trusler eller chikane i kommentarerne?');
    const fresh = await readableChat('readable-fresh', []);
    expect(fresh).toContain('Hvad kan jeg hjælpe med?');
    const noGuide = await readableChat('readable-reopen-done', ['må vi slette kommentarer']);
    expect(noGuide).toContain('Hvad kan jeg hjælpe med?');
    expect(await readableChat('readable-reopen-done', [])).toContain('Hvad kan jeg hjælpe med?');
  });
}, 120_000);
