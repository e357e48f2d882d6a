// Draws the Teams app icons and writes them to manifest/teams/ (run: npx tsx scripts/teams-icons/write-icons.ts).
// The icons are committed; test/adapters/teams/teams-package.test.ts checks that they are the ones drawn here.
import { writeFileSync } from 'node:fs';
import { drawColorIcon, drawOutlineIcon } from './draw-icons.ts';
import { encodePng } from './png-encoder.ts';

writeFileSync('manifest/teams/color.png', encodePng(drawColorIcon()));
writeFileSync('manifest/teams/outline.png', encodePng(drawOutlineIcon()));
process.stdout.write('wrote manifest/teams/color.png and manifest/teams/outline.png\n');
