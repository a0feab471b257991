// When work waits for the browser: shared by the page and the calculator (bundled apart).

/** Resolves in a later task, after the browser has had its turn (input, painting). */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves in a task after the next frame has been painted: for what an input need not wait for. */
export const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
