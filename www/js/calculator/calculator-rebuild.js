// The calculator's parts put on the page: the first build at once; a rebuild (a currency switch
// rewrites every word that holds money) a group of parts a frame, since laying the whole
// calculator out anew in one frame took over 50 ms on a phone. What a rebuilt part takes from
// the parts still on the page (a kept canvas, a live sentence, a baked image standing in) moves
// only as that part goes on, so the parts still showing stay whole until they are replaced; and
// what the reader had open stays open.

/**
 * Elements put on the page per frame (a bigger part, the controls' 300, alone), so no frame lays
 * all 540 out anew (that frame took 44–58 ms at the phone profile).
 */
const NODES_PER_FRAME = 150;

/**
 * The rebuilds of `section`'s parts. A build calls begin(), makes its parts (with movedIn() and
 * whenPut() for what they take from the page), then put(parts), then end().
 */
export function createRebuilds(section) {
  let run = 0; // the latest build's
  let finishNow = () => {}; // puts the rest of the latest rebuild on the page at once
  let opened = new Set(); // the <details> open before the latest build, by detailsKey()
  let waiting = null; // [node in a part not on the page yet, move], while a rebuild is made

  /** The moves of `moves` whose node is in `part` (every one without a part), done and taken off. */
  function doMoves(moves, part = null) {
    const due = moves.filter(([node]) => !part || part.contains(node));
    moves.splice(0, Infinity, ...moves.filter((move) => !due.includes(move)));
    for (const [, move] of due) move();
  }

  /** What the reader had open in `parts` stays open. */
  function reopen(parts) {
    for (const part of parts) for (const details of [part, ...part.querySelectorAll('details')]) if (details.localName === 'details' && opened.has(detailsKey(details))) details.open = true;
  }

  /** `parts` on the page, all at once. */
  function putAtOnce(parts, moves) {
    doMoves(moves);
    section.replaceChildren(...parts);
    reopen(parts);
  }

  /**
   * `parts`, one for one with the section's children, a group a frame; a newer build stops this
   * one and goes on from where it is. Resolves once they are on, or a newer build took over.
   */
  async function putInSteps(parts, moves, thisRun) {
    const old = [...section.children];
    if (old.length !== parts.length) {
      putAtOnce(parts, moves);
      return;
    }
    const put = (i) => {
      doMoves(moves, parts[i]);
      if (old[i] !== parts[i]) old[i].replaceWith(parts[i]); // a kept element (the live region) stays
      reopen([parts[i]]);
    };
    const groups = [];
    let weight = Infinity;
    parts.forEach((part, i) => {
      const nodes = part.getElementsByTagName('*').length + 1;
      if (weight + nodes > NODES_PER_FRAME) groups.push((weight = 0, []));
      groups.at(-1).push(i);
      weight += nodes;
    });
    finishNow = () => {
      if (thisRun === run) for (const i of groups.splice(0).flat()) put(i);
    };
    while (groups.length) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (thisRun !== run) return;
      for (const i of groups.shift() || []) put(i);
    }
  }

  return {
    /** A build starts: a rebuild if the section already holds the calculator's parts. */
    begin(rebuilding) {
      run += 1;
      opened = new Set([...section.querySelectorAll('details[open]')].map(detailsKey));
      waiting = rebuilding ? [] : null;
    },
    /** `node` for a part being built: in a rebuild, a slot it moves into as the part goes on. */
    movedIn(node) {
      if (!waiting) return node;
      const slot = document.createComment('');
      waiting.push([slot, () => slot.replaceWith(node)]);
      return slot;
    },
    /** `move` now, or, for a rebuilt part not on the page yet, as the part holding `node` goes on. */
    whenPut(node, move) {
      if (waiting && !node.isConnected) waiting.push([node, move]);
      else move();
    },
    /**
     * The parts made since begin() on the page: at once for a first build, else a group a frame.
     * Resolves once they are all on, or a newer build took over (latest() tells).
     */
    put(parts) {
      if (!waiting) {
        putAtOnce(parts, []);
        return Promise.resolve();
      }
      return putInSteps(parts, waiting, run);
    },
    /** The build is made (what is still to move is done as its parts go on). */
    end() {
      waiting = null;
    },
    /** What the latest rebuild has still to put on the page, there now (printing). */
    finish() {
      finishNow();
    },
    /** Whether no build has started since the one that was latest when `latest()` was read. */
    latest() {
      const at = run;
      return () => at === run;
    },
  };
}

/** An open <details> of the calculator, by where it is: its nearest id and its class. */
function detailsKey(details) {
  return `${details.parentElement.closest('[id]')?.id} ${details.className}`;
}
