// Solution dropdowns (made by sphinx-togglebutton): the button, which it names "Toggle
// hidden content", says which solution it shows or hides ("Show the solution to
// Exercise 3.1"), and a click anywhere on the title toggles (togglebutton ignores clicks
// that land on an element inside the title, such as its number or math, and throws).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".solution.dropdown").forEach((solution) => {
    const title = solution.querySelector(":scope > .admonition-title");
    const button = title.querySelector(".toggle-button");
    const exercise = title.querySelector(".nnbook-exercise-number").textContent;
    const name = () => {
      const action = button.getAttribute("aria-expanded") === "true" ? "Hide" : "Show";
      button.setAttribute("aria-label", `${action} the solution to ${exercise}`);
    };
    name();
    new MutationObserver(name).observe(button, {attributeFilter: ["aria-expanded"]});
    title.querySelectorAll(":scope > :not(.toggle-button)").forEach((part) => {
      part.style.pointerEvents = "none";
    });
  });
});
