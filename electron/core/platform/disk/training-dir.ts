/** The training books' folder inside the data folder: orders, coupons, open work, the simulator's ledger. */
export const TRAINING_DIR = 'training';
