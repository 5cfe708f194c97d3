import '../lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/base.css';
import { reportCspViolations } from '../lib/csp-violations';
import { CustomerScreen } from './CustomerScreen';

reportCspViolations('customer');
const container = document.getElementById('root');
if (container === null) throw new Error('customer.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <CustomerScreen />
  </StrictMode>,
);
