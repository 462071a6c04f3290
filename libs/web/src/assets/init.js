// The GOV.UK Design System's own behaviour (error summary focus, service navigation toggle...).
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();
