// The UI itself: React, antd and their styles, loaded by main.ts while the first answers are on their way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { firstAnswers } from './startup';
import 'antd/dist/antd.css?first-screen';
import './styles.css';

/** How long the first render waits for answers still on their way (it then renders a spinner and goes on). */
const answersLimitMs = 1000;

const root = document.getElementById('root');
// One render of the whole first screen (usually the tree), not a spinner, then an empty window, then the tree.
if (root)
  void firstAnswers(answersLimitMs).then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
