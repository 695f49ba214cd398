/** @module Every role's messages, for the static pages that are not yet components. */
import { en } from './en';
import { addMessages } from './index';
import { nb } from './nb';

addMessages(en, nb);
