/** @module The write page. */
import { initPage } from '../ui/page';

initPage();
