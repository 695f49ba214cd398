/** @module The supporter page. */
import { initPage } from '../ui/page';

initPage();
