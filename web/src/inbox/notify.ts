// Desktop notification plus a short beep (Web Audio, no sound file) when something needs this
// agent: a conversation assigned to them by someone else, or an @mention.
import { useCallback, useState } from 'react';

let audio: AudioContext | null = null;

/** Browsers only let a page make sound after a user gesture: create the context on the first one. */
export function unlockAudio(): void {
  if (audio || typeof AudioContext === 'undefined') return;
  try {
    audio = new AudioContext();
  } catch {
    audio = null;
  }
}

export function beep(): void {
  if (!audio) return;
  if (audio.state === 'suspended') void audio.resume();
  const t = audio.currentTime;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(880, t);
  osc.frequency.setValueAtTime(1320, t + 0.09);
  gain.gain.setValueAtTime(0.0001, t);
  gain.gain.exponentialRampToValueAtTime(0.18, t + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
  osc.connect(gain).connect(audio.destination);
  osc.start(t);
  osc.stop(t + 0.26);
}

export function desktopNotify(title: string, body: string, onClick: () => void): void {
  beep();
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const n = new Notification(title, { body, tag: `${title}:${body}` });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}

export function useDesktopNotifications() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(supported ? Notification.permission : 'unsupported');
  const request = useCallback(() => {
    unlockAudio();
    if (!supported) return;
    void Notification.requestPermission().then(setPermission);
  }, [supported]);
  return { permission, request };
}
