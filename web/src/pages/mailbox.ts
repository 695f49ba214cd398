/** @module The mailbox page. */
import { initPage } from '../ui/page';

initPage();
