export { seedDemo } from './seed-demo';
export { DEMO_ORGANISATIONS } from './demo-organisations';
