/** The staff pages' Ant Design theme (login and workbench look the same). */
import type { ThemeConfig } from 'antd';

export const STAFF_THEME: ThemeConfig = { token: { colorPrimary: '#1d5fbf', borderRadius: 4 } };
