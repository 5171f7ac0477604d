/** compose.yaml and the files it mounts (gateway and frontend nginx configuration, the frontend page). */
export { composeSteps, generateCompose, TODO_PROFILE } from './compose';
