/** @module The home page. */
import { initPage } from '../ui/page';

initPage();
