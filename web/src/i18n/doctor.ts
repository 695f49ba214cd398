/** @module The doctor pages' messages, added to the page's catalogue: import it once from each doctor page. */
import { doctorEn } from './doctor.en';
import { doctorNb } from './doctor.nb';
import { addMessages } from './index';

addMessages(doctorEn, doctorNb);
