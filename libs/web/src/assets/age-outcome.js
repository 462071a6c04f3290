// Age assessment outcome: an adult outcome can be chosen only once every safeguard is ticked (the
// server checks it again, and so does the API). Without JavaScript the page says why on submitting.
const form = document.querySelector('[data-haven-safeguards-form]');
const adult = form?.querySelector('input[name="outcome"][value="ASSESSED_ADULT"]');
if (form && adult) {
  const boxes = [...form.querySelectorAll('input[name="safeguards"]')];
  const hint = document.getElementById(`${adult.id}-item-hint`);
  const update = () => {
    const unticked = boxes.filter((box) => !box.checked).length;
    adult.disabled = unticked > 0;
    if (adult.disabled) adult.checked = false;
    if (hint) {
      hint.textContent =
        unticked > 0
          ? `Tick every safeguard above to choose this (${unticked} not ticked)`
          : 'Every safeguard above was met';
    }
  };
  for (const box of boxes) box.addEventListener('change', update);
  update();
}
