// What an erasure answers (POST /api/contacts/:id/erase): counts only, no personal data.
export interface EraseResult {
  contactId: string;
  conversations: number;
  messages: number;
  attachments: number;
  identities: number;
  inboundEvents: number;
  files: { deleted: number; kept: number; failed: number };
}
