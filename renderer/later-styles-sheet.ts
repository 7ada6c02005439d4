// The rules of antd's stylesheet for every component but the first screen's (see build/antd-unused-css.ts).
import 'antd/dist/antd.css?later';
