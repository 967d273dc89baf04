export { setup as default } from './e2e-app';
