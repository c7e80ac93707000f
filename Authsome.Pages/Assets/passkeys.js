// Authsome hosted pages: passkeys (WebAuthn). Progressive enhancement: the forms stay hidden unless the browser can
// parse WebAuthn JSON options. The engine's JSON route gives the options; the authenticator's answer
// (credential.toJSON()) is posted in the page's own form, with its anti-forgery token.
(() => {
  'use strict';
  const supported = typeof PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

  const ceremonies = {
    'passkey-sign-in': async options => navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) }),
    'passkey-register': async options => navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) }),
  };

  for (const [id, ceremony] of Object.entries(ceremonies)) {
    const form = document.getElementById(id);
    if (!form || !supported) continue;
    const error = form.querySelector('[data-passkey-error]');
    form.hidden = false;
    form.addEventListener('submit', async event => {
      event.preventDefault();
      error.textContent = '';
      const button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      try {
        const response = await fetch(form.dataset.options, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error('options ' + response.status);
        const credential = await ceremony(await response.json());
        form.elements.credential.value = JSON.stringify(credential.toJSON());
        form.submit();
      } catch (e) {
        error.textContent = e && e.name === 'NotAllowedError'
          ? 'The passkey request was cancelled or timed out. Please try again.'
          : 'The passkey could not be used here. Please try again or use another way.';
        button.disabled = false;
      }
    });
  }
})();
