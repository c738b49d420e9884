/** The pane's one message line (success, warning, error), shown where the user is working. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Message } from '../store';

export function PaneMessage({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} data-testid="message">
      <MessageBarBody>{message.text}</MessageBarBody>
    </MessageBar>
  );
}
