/*
 * The evidence page (佐证材料, docs/evidence.md): loads the case from /api/evidence/..., shows the
 * slots grouped with required/present marks and their files, uploads (one request per file, with
 * progress and the server's message), views, downloads and deletes. No inline script (CSP
 * script-src 'self'); nothing from the server is put in the page as HTML.
 */
(function () {
  'use strict';

  var root = document.getElementById('evidence');
  if (!root) {
    return;
  }
  var api = root.getAttribute('data-api');
  var currentUser = root.getAttribute('data-user');
  var viewOnly = root.getAttribute('data-mode') === 'view';
  var slotFilter = (root.getAttribute('data-slots') || '').split(',').filter(function (s) { return s; });
  var groupsEl = document.getElementById('ev-groups');
  var summaryEl = document.getElementById('ev-summary');
  var errorEl = document.getElementById('ev-error');
  var errorsBySlot = {};

  var GROUPS = [
    { name: '参评条件', test: function (s) { return /^cond\d+$/.test(s); } },
    { name: '绩效指标', test: function (s) { return /^ind_/.test(s); } },
    { name: '现场核查', test: function (s) { return /^onsite/.test(s); } },
    { name: '异议材料', test: function (s) { return /^(objection|consult)Evidence$/.test(s); } },
    { name: '撤销与陈述申辩', test: function (s) { return /^(revocation|statement)Evidence$/.test(s); } },
    { name: '其他材料', test: function () { return true; } }
  ];

  var STATUS_TEXT = {
    400: '请求有误', 401: '登录已失效，请重新登录任务列表', 403: '您无权查看或上传该案件的佐证材料',
    404: '案件不存在或尚未建立', 409: '该材料已封存或案件已办结，不能再修改', 413: '文件过大',
    429: '操作过于频繁，请稍后再试'
  };

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') {
        e.textContent = attrs[k];
      } else if (k === 'className') {
        e.className = attrs[k];
      } else {
        e.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  function message(status, bodyText) {
    try {
      var body = JSON.parse(bodyText);
      if (body && body.messages && body.messages.length) {
        return body.messages.join('；');
      }
    } catch (ignored) {
      // not JSON
    }
    return (STATUS_TEXT[status] || '服务器错误') + '（' + status + '）';
  }

  function size(bytes) {
    if (typeof bytes !== 'number') { return ''; }
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1) + ' KB'; }
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  /* Times as in Shaoxing (Asia/Shanghai), whatever the computer's zone. */
  function time(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return String(iso); }
    try {
      var p = {};
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
      return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
    } catch (e) {
      return d.toISOString().substring(0, 16).replace('T', ' ');
    }
  }

  function typeName(contentType, name) {
    var t = (contentType || '').toLowerCase();
    if (t === 'application/pdf') { return 'PDF'; }
    if (t === 'image/png') { return 'PNG 图片'; }
    if (t === 'image/jpeg') { return 'JPEG 图片'; }
    if (t.indexOf('ofd') >= 0) { return 'OFD'; }
    if (t.indexOf('wordprocessingml') >= 0) { return 'Word 文档'; }
    if (t.indexOf('spreadsheetml') >= 0) { return 'Excel 表格'; }
    var ext = /\.([A-Za-z0-9]+)$/.exec(name || '');
    return ext ? ext[1].toUpperCase() : (contentType || '');
  }

  function fileUrl(f) {
    return f.url || ('/api/evidence/files/' + encodeURIComponent(f.id));
  }

  /*
   * Opens or downloads outside the form's sandboxed iframe: the iframe may not download and a PDF
   * viewer does not run in it, so the link is clicked in the (same-origin) Tasklist page when
   * there is one; on its own the page uses a link of its own.
   */
  function openOutside(url, downloadName) {
    var doc = document;
    try {
      if (window.top !== window && window.top.document) {
        doc = window.top.document;
      }
    } catch (e) {
      doc = document;
    }
    var a = doc.createElement('a');
    a.href = url;
    if (downloadName) {
      a.setAttribute('download', downloadName);
    } else {
      a.target = '_blank';
      a.rel = 'noopener';
    }
    a.style.display = 'none';
    doc.body.appendChild(a);
    a.click();
    doc.body.removeChild(a);
  }

  function showImage(f) {
    document.getElementById('ev-viewer-title').textContent = f.name;
    var img = document.getElementById('ev-viewer-img');
    img.alt = f.name;
    img.src = fileUrl(f);
    document.getElementById('ev-viewer').hidden = false;
  }

  document.getElementById('ev-viewer-close').addEventListener('click', function () {
    document.getElementById('ev-viewer').hidden = true;
    document.getElementById('ev-viewer-img').removeAttribute('src');
  });

  function request(method, url, body, onProgress) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      if (onProgress && xhr.upload) {
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) { onProgress(e.loaded, e.total); }
        });
      }
      xhr.onload = function () { resolve({ status: xhr.status, text: xhr.responseText }); };
      xhr.onerror = function () { resolve({ status: 0, text: '' }); };
      xhr.send(body);
    });
  }

  function load() {
    return request('GET', api, null).then(function (r) {
      if (r.status !== 200) {
        groupsEl.textContent = '';
        summaryEl.textContent = '';
        showError(r.status === 0 ? '无法连接服务器，请检查网络后刷新' : message(r.status, r.text));
        root.setAttribute('data-state', 'error');
        root.setAttribute('data-status', String(r.status));
        return;
      }
      errorEl.hidden = true;
      render(JSON.parse(r.text));
      root.setAttribute('data-state', 'loaded');
      return loadAudit();
    });
  }

  /** The download audit of the case: shown to whoever may read it (the bureau), else nothing. */
  function loadAudit() {
    var auditEl = document.getElementById('ev-audit');
    if (!auditEl || api.indexOf('/api/evidence/draft/') === 0) { return null; }
    return request('GET', api + '/downloads', null).then(function (r) {
      if (r.status !== 200) { auditEl.hidden = true; return; }
      var rows = JSON.parse(r.text);
      auditEl.textContent = '';
      auditEl.appendChild(el('h2', { text: '下载记录（' + rows.length + ' 次）' }));
      if (!rows.length) {
        auditEl.appendChild(el('p', { className: 'ev-note', text: '尚无人下载或查看本案材料。' }));
      } else {
        auditEl.appendChild(el('table', {}, [
          el('thead', {}, [el('tr', {}, ['时间', '用户', '文件'].map(function (h) { return el('th', { text: h }); }))]),
          el('tbody', {}, rows.map(function (d) {
            return el('tr', {}, [el('td', { text: time(d.downloadedAt) }), el('td', { text: d.userId }),
              el('td', { text: d.fileName })]);
          }))]));
      }
      auditEl.hidden = false;
    });
  }

  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = false;
  }

  function render(data) {
    var slots = (data.slots || []).filter(function (s) {
      return slotFilter.length === 0 || slotFilter.indexOf(s.slot) >= 0;
    });
    var required = slots.filter(function (s) { return s.required; });
    var missing = required.filter(function (s) { return !s.present; });
    var files = slots.reduce(function (n, s) { return n + (s.files || []).length; }, 0);
    summaryEl.textContent = (data.title ? data.title + '：' : '') + '共 ' + files + ' 个文件'
      + (required.length ? '；必需材料 ' + (required.length - missing.length) + '/' + required.length + ' 项已上传' : '')
      + (missing.length ? '，缺少：' + missing.map(function (s) { return s.label; }).join('、') : '');
    groupsEl.textContent = '';
    var caseUpload = !viewOnly && data.canUpload !== false;
    if (!viewOnly && !caseUpload) {
      groupsEl.appendChild(el('p', { className: 'ev-note', text: '当前环节不能上传材料，仅可查看。' }));
    }
    var used = {};
    GROUPS.forEach(function (g) {
      var mine = slots.filter(function (s) { return !used[s.slot] && g.test(s.slot); });
      if (!mine.length) { return; }
      mine.forEach(function (s) { used[s.slot] = true; });
      var section = el('section', { className: 'ev-group' }, [el('h2', { text: g.name })]);
      mine.forEach(function (s) { section.appendChild(renderSlot(s, caseUpload && s.canUpload !== false)); });
      groupsEl.appendChild(section);
    });
    if (!slots.length) {
      groupsEl.appendChild(el('p', { className: 'ev-note', text: '暂无佐证材料。' }));
    }
  }

  function renderSlot(s, canUpload) {
    var mark = s.present ? el('span', { className: 'ev-mark ev-present', text: '已上传' })
      : s.required ? el('span', { className: 'ev-mark ev-missing', text: '缺少' })
        : el('span', { className: 'ev-mark ev-none', text: '未上传' });
    var head = el('div', { className: 'ev-slot-head' }, [
      el('span', { className: 'ev-slot-label', text: s.label || s.slot }),
      s.required ? el('span', { className: 'ev-required', text: '（必需）' }) : null,
      mark
    ]);
    var box = el('div', { className: 'ev-slot', 'data-slot': s.slot }, [head]);
    var files = s.files || [];
    if (files.length) {
      var table = el('table', {}, [el('tr', {}, ['文件名', '大小', '类型', '上传人', '上传时间', '状态', '操作']
        .map(function (h) { return el('th', { text: h }); }))]);
      files.forEach(function (f) { table.appendChild(fileRow(f)); });
      box.appendChild(table);
    }
    if (canUpload) {
      var input = el('input', { type: 'file', multiple: 'multiple', 'aria-label': '上传：' + (s.label || s.slot) });
      var progress = el('div', { className: 'ev-progresses' });
      input.addEventListener('change', function () {
        var chosen = Array.prototype.slice.call(input.files || []);
        input.value = '';
        upload(s, chosen, progress);
      });
      box.appendChild(el('div', { className: 'ev-upload' }, [el('label', { text: '选择文件上传：' }, [input]), progress]));
    }
    var err = el('div', { className: 'ev-slot-error', role: 'alert' });
    if (errorsBySlot[s.slot]) {
      err.textContent = errorsBySlot[s.slot];
    }
    box.appendChild(err);
    return box;
  }

  function fileRow(f) {
    var actions = el('td', { className: 'ev-actions' });
    var t = (f.contentType || '').toLowerCase();
    var view = null;
    if (t === 'image/png' || t === 'image/jpeg') {
      view = function () { showImage(f); };
    } else if (t === 'application/pdf') {
      view = function () { openOutside(fileUrl(f)); };
    }
    if (view) {
      actions.appendChild(button('查看', view));
    }
    actions.appendChild(button('下载', function () { openOutside(fileUrl(f), f.name); }));
    if (!viewOnly && !f.sealed && f.uploadedBy === currentUser) {
      actions.appendChild(button('删除', function () { confirmDelete(f, actions); }));
    }
    var link = el('a', { href: fileUrl(f), target: '_blank', rel: 'noopener', text: f.name });
    link.addEventListener('click', function (e) {
      e.preventDefault();
      if (view) {
        view();
      } else {
        openOutside(fileUrl(f), f.name);
      }
    });
    return el('tr', { 'data-file': f.id }, [el('td', {}, [link]), el('td', { text: size(f.size) }),
      el('td', { text: typeName(f.contentType, f.name) }), el('td', { text: f.uploadedBy || '' }),
      el('td', { text: time(f.uploadedAt) }),
      el('td', { className: f.sealed ? 'ev-sealed' : '', text: f.sealed ? '已封存' : '未封存' }), actions]);
  }

  function button(text, onClick) {
    var b = el('button', { type: 'button', className: 'ev-link', text: text });
    b.addEventListener('click', onClick);
    return b;
  }

  /* confirm() is blocked in the form's sandboxed iframe (no allow-modals): confirm in place. */
  function confirmDelete(f, cell) {
    cell.textContent = '';
    cell.appendChild(el('span', { text: '确认删除“' + f.name + '”？' }));
    cell.appendChild(button('确认删除', function () {
      request('DELETE', '/api/evidence/files/' + encodeURIComponent(f.id), null).then(function (r) {
        if (r.status !== 204 && r.status !== 200) {
          showError('删除失败：' + message(r.status, r.text));
        }
        return load();
      });
    }));
    cell.appendChild(button('取消', function () { load(); }));
  }

  function upload(s, files, progressBox) {
    errorsBySlot[s.slot] = '';
    var failures = [];
    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () {
        var bar = el('progress', { max: '100', value: '0' });
        var line = el('span', { className: 'ev-progress', text: '正在上传：' + file.name }, [bar]);
        progressBox.appendChild(line);
        var form = new FormData();
        form.append('file', file, file.name);
        return request('POST', api + '/' + encodeURIComponent(s.slot), form, function (done, total) {
          bar.value = Math.round(done * 100 / total);
        }).then(function (r) {
          progressBox.removeChild(line);
          if (r.status !== 201 && r.status !== 200) {
            failures.push(file.name + '：' + (r.status === 0 ? '网络中断，上传未完成' : message(r.status, r.text)));
          }
        });
      });
    });
    return chain.then(function () {
      errorsBySlot[s.slot] = failures.length ? '上传失败 ' + failures.join('；') : '';
      return load();
    });
  }

  load();
}());
