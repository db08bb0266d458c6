// Pilot-base platform (issue 12): a 「办理进度」 link in Tasklist's header, next to the signed-in user,
// to the case-progress page (/my/cases). Loaded by config.js customScripts as an ES module; it only
// adds the link (and adds it again when Tasklist re-renders its header).
const LINK_CLASS = 'pilotbase-progress';

function addLink() {
  const menu = document.querySelector('nav.cam-nav.app-menu > ul');
  if (!menu || !menu.querySelector('li.account') || menu.querySelector('li.' + LINK_CLASS)) {
    return;
  }
  const item = document.createElement('li');
  item.className = LINK_CLASS;
  const link = document.createElement('a');
  link.href = '/my/cases';
  link.textContent = '办理进度';
  link.title = '查看本单位或本辖区案件的办理进度';
  item.appendChild(link);
  menu.insertBefore(item, menu.querySelector('li.account'));
}

new MutationObserver(addLink).observe(document.documentElement, {childList: true, subtree: true});
addLink();

export default [];
