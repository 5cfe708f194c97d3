import '../lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/base.css';
import { BarScreen } from './BarScreen';

const container = document.getElementById('root');
if (container === null) throw new Error('bar.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BarScreen />
  </StrictMode>,
);
