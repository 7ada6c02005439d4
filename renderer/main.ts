// The page's entry, kept small: it asks for the first answers (vault status, servers, connections) at once, then
// loads the UI, so that the requests and the loading of React and antd overlap instead of following each other.
import './startup';

void import('./root');
