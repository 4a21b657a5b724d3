/** Every handler group the server registers. Add a group here; server.ts merges capabilities and registers each. */
import { HandlerGroup } from './context';
import { fixes } from './fixes';
import { navigation } from './navigation';
import { workspace } from './workspace';

export const HANDLER_GROUPS: HandlerGroup[] = [navigation, workspace, fixes];
