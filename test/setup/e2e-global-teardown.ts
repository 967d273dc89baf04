export { teardown as default } from './e2e-app';
