/** @module The join page. */
import { initPage } from '../ui/page';

initPage();
