/** @module The operator pages' messages, added to the page's catalogue: import it once from each operator page. */

import { addMessages } from './index';
import { operatorEn } from './operator.en';
import { operatorNb } from './operator.nb';

addMessages(operatorEn, operatorNb);
