// The reader's page: brought to life with the shipped dataset file (js/page/page.js does the work).

import { boot, reportUnexpected } from './page/page.js';

boot().catch(reportUnexpected);
