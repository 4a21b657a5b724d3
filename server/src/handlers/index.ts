/** Every handler group the server registers. Add a group here; server.ts merges capabilities and registers each. */
import { HandlerGroup } from './context';
import { navigation } from './navigation';

export const HANDLER_GROUPS: HandlerGroup[] = [navigation];
