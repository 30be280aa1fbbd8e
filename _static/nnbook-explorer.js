// The static site's explorers (lib/nnbook/explorer.py): each range input steps through
// frames that the chapter's own callback drew at build time; moving one slider shows
// its sweep, with the others back at their starting values.
document.addEventListener("DOMContentLoaded", () => {
  for (const explorer of document.querySelectorAll(".nnbook-explorer")) {
    const data = JSON.parse(explorer.querySelector(".nnbook-explorer-data").textContent);
    const image = explorer.querySelector(".nnbook-explorer-frame");
    const readout = explorer.querySelector(".nnbook-explorer-readout");
    const inputs = [...explorer.querySelectorAll("input[data-sweep]")];
    const starts = new Map(inputs.map((input) => [input, input.value]));
    const show = (input) => {
      const sweep = data[input.dataset.sweep];
      const i = Number(input.value);
      for (const other of inputs) {
        if (other === input) continue;
        other.value = starts.get(other);
        const otherSweep = data[other.dataset.sweep];
        other.setAttribute("aria-valuetext", String(otherSweep.values[other.value]));
        other.closest(".nnbook-explorer-control").querySelector("output").textContent =
          String(otherSweep.values[other.value]);
      }
      const value = String(sweep.values[i]);
      input.setAttribute("aria-valuetext", value);
      input.closest(".nnbook-explorer-control").querySelector("output").textContent = value;
      image.src = sweep.frames[i];
      image.alt = `${explorer.dataset.alt} ${sweep.readouts[i]}`;
      readout.textContent = sweep.readouts[i];
    };
    for (const input of inputs) {
      input.addEventListener("input", () => show(input));
      // The frames are files (_ext/lean_images.py): fetch a sweep's frames when the
      // reader first reaches for its slider, so dragging is instant but a visit is light.
      const preload = () => data[input.dataset.sweep].frames.forEach((src) => {
        new Image().src = src;
      });
      for (const event of ["pointerenter", "focus", "touchstart"]) {
        input.addEventListener(event, preload, {once: true, passive: true});
      }
    }
  }
});
