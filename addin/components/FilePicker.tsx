/** A hidden file input behind a button (the input is what the browser lets a page open). */
import { Button } from '@fluentui/react-components';

export function FilePicker({
  label,
  folder,
  primary,
  accept,
  multiple = true,
  testid,
  onFiles,
}: {
  label: string;
  folder?: boolean;
  primary?: boolean;
  accept?: string;
  multiple?: boolean;
  testid: string;
  onFiles: (f: FileList | null) => void;
}) {
  return (
    <label>
      <input
        type="file"
        multiple={multiple}
        accept={folder ? undefined : accept}
        style={{ display: 'none' }}
        data-testid={testid}
        ref={(el) => {
          if (el && folder) {
            el.setAttribute('webkitdirectory', '');
            el.setAttribute('directory', '');
          }
        }}
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      <Button
        as="a"
        size={primary ? undefined : 'small'}
        appearance={primary ? 'primary' : undefined}
        onClick={(e) => ((e.currentTarget as HTMLElement).parentElement?.querySelector('input') as HTMLInputElement | null)?.click()}
      >
        {label}
      </Button>
    </label>
  );
}
