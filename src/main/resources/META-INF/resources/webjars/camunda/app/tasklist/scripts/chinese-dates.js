// Pilot-base platform (issue 13): relative dates (「到期 15天后」「创建 几秒前」) in the language of the labels.
// Tasklist defines the Chinese moment locale when its zh.json arrives (the locale loader's callback), but the
// task list may already have drawn its dates with am-time-ago in English, and nothing tells angular-moment to
// redraw them: a due date "in 15 days" then stays English for an hour. Once Tasklist has started, this sets
// moment's locale through angular-moment's own service after every language change, which redraws every
// am-time-ago. Loaded by config.js customScripts as an ES module; it adds nothing to Tasklist's modules.
function withTasklist(work) {
  const started = Date.now();
  const timer = setInterval(() => {
    const angular = window.angular;
    const element = angular && document.querySelector('.ng-scope');
    const injector = element && angular.element(element).injector();
    if (injector && injector.has('amMoment') && injector.has('$translate')) {
      clearInterval(timer);
      work(injector);
    } else if (Date.now() - started > 60000) {
      clearInterval(timer);
    }
  }, 100);
}

withTasklist((injector) => {
  const $rootScope = injector.get('$rootScope');
  const $translate = injector.get('$translate');
  const amMoment = injector.get('amMoment');
  function apply() {
    const language = $translate.use();
    if (language) {
      $rootScope.$evalAsync(() => amMoment.changeLocale(language));
    }
  }
  $rootScope.$on('$translateChangeSuccess', apply);
  $rootScope.$on('$translateRefreshEnd', apply);
  apply();
});

export default [];
