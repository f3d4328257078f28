// The home page's browser script (served as /_mock/web/assets/home.js): hands a minted token to the checker.

export const HOME_SCRIPT = `(() => {
  'use strict';
  const locations = JSON.parse(document.getElementById('workbench').dataset.locations || '{}');
  const mintType = document.getElementById('mint-type');
  const mintLocation = document.getElementById('mint-location');
  mintType.addEventListener('change', () => {
    mintLocation.placeholder = locations[mintType.value] || 'the vendor API base URL, e.g. http://localhost:8091';
  });
  document.body.addEventListener('htmx:afterSwap', (event) => {
    if (event.detail.target.id !== 'mint-result') return;
    const minted = document.getElementById('minted-token');
    if (!minted) return;
    const token = minted.value.trim();
    window.localStorage.setItem('provtjanst-mock.token', token);
    document.getElementById('check-token').value = token;
    document.getElementById('check-type').value = mintType.value;
    document.getElementById('check-organisation').value = document.getElementById('mint-organisation').value;
    const curl = document.querySelectorAll('#mint-result pre.curl');
    if (curl[1]) curl[1].textContent = curl[1].textContent.replace('$TOKEN', token);
  });
})();
`;
