import type { MessageBoxSyncOptions } from 'electron';

/**
 * Asked when the window is closed or reloaded while the page holds edits it could not store (a
 * save failing, or one still on its way with more typed since): the page refused to unload, and
 * Electron would otherwise just keep the window open without a word.
 */
export const UNSAVED_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Leg Pain DDx',
  message: 'The latest changes to this encounter are not stored yet.',
  detail:
    'They are still on the screen and kept on this computer, and they are offered again when the encounter is next opened here. ' +
    'Stay to see why they could not be stored, or leave anyway.',
  buttons: ['Stay', 'Leave anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** The dialog's answer: true to leave (Electron then ignores the page's refusal to unload). */
export const leavesAnyway = (response: number): boolean => response === 1;
