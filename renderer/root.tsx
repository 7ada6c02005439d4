// The UI itself: React, antd and their styles, loaded by main.ts while the first answers are on their way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import 'antd/dist/antd.css?first-screen';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
