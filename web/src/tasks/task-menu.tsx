// The conversation's Tasks button: its tasks and a form to add one, in a popover.
import { Glyph } from '../ui/glyph.tsx';
import { Menu } from '../ui/menu.tsx';
import { TaskPanel } from './task-panel.tsx';

export function TaskMenu({ conversationId }: { conversationId: string }) {
  return (
    <Menu label={<><Glyph name="tasks" size={16} /> Tasks</>} title="Follow-up tasks" align="right">
      {() => <TaskPanel key={conversationId} target={{ conversationId }} label="Conversation tasks" />}
    </Menu>
  );
}
