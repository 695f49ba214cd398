/** @module The supporter pages' messages, added to the page's catalogue: import it once from each supporter page. */

import { addMessages } from './index';
import { supporterEn } from './supporter.en';
import { supporterNb } from './supporter.nb';

addMessages(supporterEn, supporterNb);
