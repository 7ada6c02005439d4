// The page's entry, kept small: it asks for the first answers (vault status, servers, connections) at once, then
// loads the UI, so that the requests and the loading of React and antd overlap instead of following each other.
import './startup';

// In the next task, once the requests are out (they go in microtasks, after the session's headers): importing the UI
// inserts its stylesheet, which the browser parses there and then (about 20 ms), and runs React's and antd's modules.
setTimeout(() => void import('./root'));
