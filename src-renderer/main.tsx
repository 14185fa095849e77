import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createClient } from './transport/client';
import { pickTransport } from './transport/pick-transport';
import './styles/base.css';
import './styles/checkout.css';
import './styles/overlays.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { transport } = pickTransport(window);
createRoot(root).render(
  <StrictMode>
    <App client={createClient(transport)} />
  </StrictMode>,
);
