// antd's Dropdown alone, for the import() of the menus that load it on first use (renderer/menu-button.tsx).
export { Dropdown } from 'antd';
