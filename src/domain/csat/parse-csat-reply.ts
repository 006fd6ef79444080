// Reads a customer's reply to a "reply with 1-5" survey: a score first ("5", " 4 ", "5!", "5/5",
// "4 thanks"), optionally followed by a comment. Anything else ("12", "3.5", "1-2 days", "5pm?", "ok") is
// not an answer and stays a normal message.
const ANSWER = /^\s*([1-5])(?:\s*\/\s*5)?(?![\d.,]\d)(?!\s*[-–\/]\s*\d)(?=$|[\s!.,:;)\-])[\s!.,:;)\-]*([\s\S]*)$/;

export function parseCsatReply(text: string): { score: number; comment: string | null } | null {
  const m = ANSWER.exec(text);
  if (!m) return null;
  const comment = m[2]!.trim();
  return { score: Number(m[1]), comment: comment === '' ? null : comment };
}
