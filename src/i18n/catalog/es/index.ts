/** Spanish: every English key, translated. */
import { common } from './common.ts';
import { toolbar } from './toolbar.ts';
import { onboarding } from './onboarding.ts';
import { narrow } from './narrow.ts';
import { embed } from './embed.ts';
import { share } from './share.ts';
import { io } from './io.ts';
import { store } from './store.ts';
import { ui } from './ui.ts';
import { canvas } from './canvas.ts';
import { inspector } from './inspector.ts';
import { palette } from './palette.ts';
import { teach } from './teach.ts';
import { a11y } from './a11y.ts';
import { train } from './train.ts';
import { learn } from './learn.ts';

export const es = { common, toolbar, onboarding, narrow, embed, share, io, store, ui, canvas, inspector, palette, teach, a11y, train, learn };
