import '../lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/base.css';
import { reportCspViolations } from '../lib/csp-violations';
import { BarScreen } from './BarScreen';

reportCspViolations('bar');
const container = document.getElementById('root');
if (container === null) throw new Error('bar.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BarScreen />
  </StrictMode>,
);
