import { create } from 'zustand';

export type Chime = 'approved' | 'declined' | 'called';

interface SoundState {
  enabled: boolean;
}

interface SoundActions {
  /** The preference main has on record. */
  adopt(enabled: boolean): void;
  play(chime: Chime): void;
}

/** Notes (Hz, start s, length s): two rising notes for an approval, one low buzz for a decline, a ding-dong for a number called ready. */
const NOTES: Record<Chime, Array<[number, number, number]>> = {
  approved: [
    [880, 0, 0.12],
    [1318, 0.13, 0.18],
  ],
  declined: [[196, 0, 0.45]],
  called: [
    [1046, 0, 0.35],
    [784, 0.35, 0.6],
  ],
};

let context: AudioContext | null = null;

function sound(chime: Chime): void {
  context ??= new AudioContext();
  const at = context.currentTime;
  for (const [frequency, start, length] of NOTES[chime]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = chime === 'declined' ? 'square' : 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, at + start);
    gain.gain.exponentialRampToValueAtTime(0.001, at + start + length);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at + start);
    oscillator.stop(at + start + length);
  }
}

/**
 * The register's chimes, made with Web Audio (no files to load, nothing for the CSP to allow).
 * The last one played is noted on the page (`data-last-chime`), which specs read.
 */
export const useSounds = create<SoundState & SoundActions>()((set, get) => ({
  enabled: true,
  adopt(enabled) {
    set({ enabled });
  },
  play(chime) {
    if (!get().enabled) return;
    document.body.dataset.lastChime = chime;
    try {
      sound(chime);
    } catch {
      // No audio device: the screen still says what happened.
    }
  },
}));
