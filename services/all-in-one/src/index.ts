export { startAllInOne, type AllInOne } from './start-all-in-one';
export { composeApp } from './compose-app';
export { composeWorkers } from './compose-workers';
